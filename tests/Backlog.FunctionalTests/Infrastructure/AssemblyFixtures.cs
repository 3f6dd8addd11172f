[assembly: AssemblyFixture(typeof(InfrastructureFixture))]
