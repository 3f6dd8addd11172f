using Charts.Tests.Infrastructure;
using static Charts.Tests.Infrastructure.Manifests;

namespace Charts.Tests;

/// <summary>Migrations run as hook Jobs before pods start, or at start-up where no hook can reach the database.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Production_migrates_each_database_in_a_pre_install_and_pre_upgrade_job()
    {
        var manifests = await Helm.RenderAsync(ExampleValues.Production);
        var existing = ExampleValues.ExistingSecrets(ExampleValues.Production);
        foreach (var component in Component.All)
        {
            var job = manifests.Get("Job", $"{component.Resource}-migrate");
            var annotations = Map(job["metadata"]!["annotations"]);
            Assert.Equal("pre-install,pre-upgrade", annotations["helm.sh/hook"]);
            var container = Items(job["spec"]!["template"]!["spec"]!["containers"]).Single();
            var deployment = Items(manifests.Get("Deployment", component.Resource)["spec"]!["template"]!["spec"]!["containers"]).Single();
            Assert.Equal(Text(deployment["image"]), Text(container["image"]));
            var environment = PodEnvironment.Of(container, manifests);
            Assert.Equal("true", environment.Values["Database__MigrateOnly"]);
            // The job builds the same host as the service, so it needs every setting the service needs.
            Assert.Empty(component.RequiredSettings().Where(s => !s.StartsWith("Kestrel__", StringComparison.Ordinal)).Except(["Database__MigrateOnStartup"]).Except(environment.Names));
            Assert.All(environment.Secrets.Values, s => Assert.Contains(s.Secret, existing));
            Assert.Equal("false", PodEnvironment.Of(deployment, manifests).Values["Database__MigrateOnStartup"]);
        }
    }

    [Fact]
    public async Task With_the_in_chart_postgres_the_services_migrate_at_start_up()
    {
        var manifests = await Helm.RenderAsync(ExampleValues.Laptop);

        Assert.Empty(manifests.OfKind("Job"));
        foreach (var component in Component.All)
        {
            var container = Items(manifests.Get("Deployment", component.Resource)["spec"]!["template"]!["spec"]!["containers"]).Single();
            Assert.Equal("true", PodEnvironment.Of(container, manifests).Values["Database__MigrateOnStartup"]);
        }
    }

    [Fact]
    public async Task Chart_owned_secrets_reach_the_jobs_through_a_hook_secret_created_first()
    {
        var manifests = Manifests.Parse((await Helm.TemplateAsync(ExampleValues.Production, "connectionStrings.existingSecret=", "auth.existingSecret=",
            "connectionStrings.eventbus=amqp://u:p@rabbit:5672/%2F", "connectionStrings.redis=redis:6379",
            "connectionStrings.gatewaydb=Host=pg;Database=g", "connectionStrings.discoverydb=Host=pg;Database=d", "connectionStrings.strategydb=Host=pg;Database=s",
            "connectionStrings.backlogdb=Host=pg;Database=b", "connectionStrings.metricsdb=Host=pg;Database=m",
            "auth.jwt.signingKey=0123456789abcdef0123456789abcdef")).Succeeded().Output);

        var hookSecret = manifests.Get("Secret", "lodestar-migrations");
        Assert.Equal(("pre-install,pre-upgrade", "-10"), (Map(hookSecret["metadata"]!["annotations"])["helm.sh/hook"], Map(hookSecret["metadata"]!["annotations"])["helm.sh/hook-weight"]));
        var job = Items(manifests.Get("Job", "lodestar-backlog-migrate")["spec"]!["template"]!["spec"]!["containers"]).Single();
        var secrets = PodEnvironment.Of(job, manifests).Secrets;
        Assert.Equal(("lodestar-migrations", "backlogdb"), secrets["ConnectionStrings__backlogdb"]);
        Assert.Equal("Host=pg;Database=b", Map(hookSecret["stringData"])["backlogdb"]);
    }
}
