using Lodestar.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BuildingBlocks.UnitTests;

public sealed class DefaultEndpointsTests
{
    private static ConfigurationManager Configure(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDefaultEndpoints(LodestarResources.Backlog);
        return builder.Configuration;
    }

    [Fact]
    public void Without_configuration_a_service_listens_on_its_default_http_and_grpc_ports()
    {
        var configuration = Configure([]);
        Assert.Equal("http://127.0.0.1:5102", configuration["Kestrel:Endpoints:http:Url"]);
        Assert.Equal("http://127.0.0.1:5112", configuration["Kestrel:Endpoints:grpc:Url"]);
        Assert.Equal("Http2", configuration["Kestrel:Endpoints:grpc:Protocols"]);
        Assert.Equal("Http1", configuration["Kestrel:Endpoints:http:Protocols"]);
    }

    [Fact]
    public void Configured_endpoints_win_over_the_defaults()
    {
        var configuration = Configure(new() { ["Kestrel:Endpoints:grpc:Url"] = "http://0.0.0.0:9000", ["Kestrel:Endpoints:grpc:Protocols"] = "Http1AndHttp2" });
        Assert.Equal("http://0.0.0.0:9000", configuration["Kestrel:Endpoints:grpc:Url"]);
        Assert.Equal("Http1AndHttp2", configuration["Kestrel:Endpoints:grpc:Protocols"]);
        Assert.Null(configuration["Kestrel:Endpoints:http:Url"]);
    }

    [Fact]
    public void Urls_set_by_a_host_leave_kestrel_endpoints_alone() =>
        Assert.Null(Configure(new() { ["urls"] = "http://127.0.0.1:7000" })["Kestrel:Endpoints:grpc:Url"]);
}
