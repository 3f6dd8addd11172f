using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Where a request goes on the REST API: its google.api.http verb and path, the path's variables taken from the request,
/// and the request field the body carries ("*" for the whole request, empty for none).
/// </summary>
public sealed partial record RestRoute(HttpMethod Verb, string Path, string Body)
{
    public bool HasBody => Body.Length > 0;

    public static RestRoute? For(MethodDescriptor method, IMessage request)
    {
        if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule) return null;
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            _ => (HttpMethod.Get, ""),
        };
        if (template.Length == 0) return null;
        var path = Variables().Replace(template, m => Value(request, m.Groups[1].Value));
        return new RestRoute(verb, path, rule.Body);
    }

    /// <summary>The value of a dotted field path ("kpi.name"), as the path carries it: slashes kept, the rest escaped.</summary>
    private static string Value(IMessage message, string dotted)
    {
        object? current = message;
        foreach (var part in dotted.Split('.'))
        {
            var holder = (IMessage)current!;
            current = holder.Descriptor.FindFieldByName(part).Accessor.GetValue(holder);
        }
        return string.Join('/', (current?.ToString() ?? "").Split('/').Select(Uri.EscapeDataString));
    }

    [GeneratedRegex(@"\{([\w.]+)(?:=[^}]*)?\}")]
    private static partial Regex Variables();
}
