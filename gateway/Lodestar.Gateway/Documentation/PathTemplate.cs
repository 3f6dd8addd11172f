namespace Lodestar.Gateway.Documentation;

/// <summary>
/// A google.api.http path template as OpenAPI wants it: each wildcard of a resource name becomes its own path
/// parameter (<c>/v1/{name=products/*/funnels/*}</c> → <c>/v1/products/{product}/funnels/{funnel}</c>), so clients
/// never have to send an encoded slash. <see cref="Fields"/> names the request fields the path sets.
/// </summary>
public sealed record PathTemplate(string Path, IReadOnlyList<PathTemplate.Parameter> Parameters, IReadOnlySet<string> Fields)
{
    /// <summary>A path parameter and the request field (dotted) whose value it is part of.</summary>
    public sealed record Parameter(string Name, string Field, string Pattern);

    public static PathTemplate Parse(string template)
    {
        var path = new System.Text.StringBuilder();
        var parameters = new List<Parameter>();
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                path.Append(template[i++]);
                continue;
            }
            var end = template.IndexOf('}', i);
            var variable = template[(i + 1)..end];
            i = end + 1;
            var equals = variable.IndexOf('=');
            var field = equals < 0 ? variable : variable[..equals];
            var pattern = equals < 0 ? "*" : variable[(equals + 1)..];
            fields.Add(field);
            Expand(field, pattern, path, parameters);
        }
        return new PathTemplate(path.ToString(), parameters, fields);
    }

    private static void Expand(string field, string pattern, System.Text.StringBuilder path, List<Parameter> parameters)
    {
        var segments = pattern.Split('/');
        for (var s = 0; s < segments.Length; s++)
        {
            if (s > 0) path.Append('/');
            if (segments[s] is not ("*" or "**"))
            {
                path.Append(segments[s]);
                continue;
            }
            var name = s > 0 ? Singular(segments[s - 1]) : field.Replace('.', '_');
            while (parameters.Any(p => p.Name == name)) name += "_";
            parameters.Add(new Parameter(name, field, pattern));
            path.Append('{').Append(name).Append('}');
        }
    }

    private static string Singular(string collection) =>
        collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
        : collection.EndsWith('s') ? collection[..^1]
        : collection;
}
