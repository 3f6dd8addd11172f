using System.Text;

namespace Lodestar.Gateway.Routing;

/// <summary>
/// Turns a google.api.http path template into an ASP.NET route template: <c>/v1/{name=products/*/surveys/*}:report</c>
/// becomes <c>/v1/products/{p0}/surveys/{p1}:report</c>; <c>{var}</c> is one segment, <c>**</c> the rest of the path.
/// </summary>
public static class RestTemplate
{
    public static string ToRoute(string template)
    {
        var route = new StringBuilder();
        var parameter = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                route.Append(template[i]);
                continue;
            }
            var close = template.IndexOf('}', i);
            var variable = template[(i + 1)..close];
            var equals = variable.IndexOf('=');
            var pattern = equals < 0 ? "*" : variable[(equals + 1)..];
            route.Append(string.Join('/', pattern.Split('/').Select(segment => segment switch
            {
                "*" => $"{{p{parameter++}}}",
                "**" => $"{{**p{parameter++}}}",
                _ => segment,
            })));
            i = close;
        }
        return route.ToString();
    }
}
