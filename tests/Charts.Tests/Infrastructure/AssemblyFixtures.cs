using Lodestar.Testing;

[assembly: AssemblyFixture(typeof(InfrastructureFixture))]
