using Google.Protobuf.WellKnownTypes;
using Lodestar.ServiceDefaults;
using Strategy = Lodestar.Strategy.V1;

namespace BuildingBlocks.UnitTests;

public sealed class NulCharactersTests
{
    [Fact]
    public void Strings_holding_nul_are_found_in_nested_repeated_and_map_fields_by_path()
    {
        var request = new Strategy.UpdateProductRequest
        {
            Product = new Strategy.Product { Name = "products/1", DisplayName = "Bad\0name", Description = "fine" },
            UpdateMask = new FieldMask { Paths = { "display_name", "desc\0ription" } },
        };

        var violations = NulCharacters.Find(request);

        Assert.Equal(["product.display_name", "update_mask.paths[1]"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Contains("U+0000", v.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_nul_passes_whatever_else_it_holds()
    {
        var request = new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "🙂 \u202E ${jndi:x} '; drop table" } };

        Assert.Empty(NulCharacters.Find(request));
    }

    [Fact]
    public void Struct_values_are_scanned_through_their_maps()
    {
        var value = Struct.Parser.ParseJson("""{"a": {"b": "x\u0000y"}}""");

        Assert.Equal("fields[a].struct_value.fields[b].string_value", Assert.Single(NulCharacters.Find(value)).Field);
    }
}
