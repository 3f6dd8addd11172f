using Lodestar.Gateway.Documentation;

namespace Gateway.FunctionalTests.Units;

/// <summary>Path templates become OpenAPI paths with one parameter per resource-name segment.</summary>
public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/v1/products", "/v1/products", "")]
    [InlineData("/v1/{name=products/*}", "/v1/products/{product}", "product:name")]
    [InlineData("/v1/{name=products/*/experiments/*}:analyze", "/v1/products/{product}/experiments/{experiment}:analyze", "product:name,experiment:name")]
    [InlineData("/v1/{parent=products/*}/stories", "/v1/products/{product}/stories", "product:parent")]
    [InlineData("/v1/{product.name=products/*}", "/v1/products/{product}", "product:product.name")]
    [InlineData("/v1/{name=products/*/positioning}", "/v1/products/{product}/positioning", "product:name")]
    [InlineData("/v1/{name=workspaces/*/apiKeys/*}:revoke", "/v1/workspaces/{workspace}/apiKeys/{apiKey}:revoke", "workspace:name,apiKey:name")]
    [InlineData("/v1/{name=categories/*}", "/v1/categories/{category}", "category:name")]
    [InlineData("/v1/{id}", "/v1/{id}", "id:id")]
    public void Templates_become_openapi_paths(string template, string path, string parameters)
    {
        var parsed = PathTemplate.Parse(template);

        Assert.Equal(path, parsed.Path);
        Assert.Equal(parameters, string.Join(",", parsed.Parameters.Select(p => $"{p.Name}:{p.Field}")));
    }
}
