using Google.Protobuf.WellKnownTypes;
using Lodestar.ServiceDefaults;
using Strategy = Lodestar.Strategy.V1;

namespace BuildingBlocks.UnitTests;

public sealed class RequestTextTests
{
    [Fact]
    public void Strings_breaking_the_text_rules_are_found_in_nested_repeated_and_map_fields_by_path()
    {
        var request = new Strategy.UpdateProductRequest
        {
            Product = new Strategy.Product { Name = "products/1", DisplayName = "Bad\0name", Description = "bell\a" },
            UpdateMask = new FieldMask { Paths = { "display_name", "desc" + (char)0xD800 + "ription" } },
        };

        var violations = RequestText.Find(request);

        Assert.Equal(["product.display_name", "product.description", "update_mask.paths[1]"], violations.Select(v => v.Field));
        Assert.Collection(violations,
            v => Assert.Contains("NUL character (U+0000)", v.Description, StringComparison.Ordinal),
            v => Assert.Contains("control character U+0007", v.Description, StringComparison.Ordinal),
            v => Assert.Contains("unpaired surrogate (U+D800)", v.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_within_the_rules_passes_whatever_else_it_holds()
    {
        var request = new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "🙂 \u202E ${jndi:x} '; drop table", Description = "line one\r\n\tline two\n" } };

        Assert.Empty(RequestText.Find(request));
    }

    [Fact]
    public void Struct_values_and_map_keys_are_scanned()
    {
        var value = Struct.Parser.ParseJson("""{"a": {"b": "x\u0000y"}, "c\u001b": 1}""");

        Assert.Equal(["fields", "fields[a].struct_value.fields[b].string_value"], RequestText.Find(value).Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
