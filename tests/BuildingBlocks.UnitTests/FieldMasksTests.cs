using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

public sealed class FieldMasksTests
{
    private static readonly string[] Allowed = ["display_name", "target_persona", "description"];

    [Fact]
    public void Json_style_and_proto_style_paths_name_the_same_fields() =>
        Assert.Equal(["target_persona", "display_name"], FieldMasks.Require(new FieldMask { Paths = { "targetPersona", "display_name", "displayName" } }, Allowed));

    [Fact]
    public void Paths_reads_either_spelling_as_field_names_for_methods_that_check_paths_themselves() =>
        Assert.Equal(["display_name", "at_risk_band", "stage"], FieldMasks.Paths(new FieldMask { Paths = { "displayName", "at_risk_band", "atRiskBand", "stage" } }));

    [Fact]
    public void An_empty_mask_is_required_or_means_everything()
    {
        Assert.Equal("update_mask", Assert.Single(Assert.Throws<ValidationException>(() => FieldMasks.Require(null, Allowed)).Violations).Field);
        Assert.Equal(Allowed, FieldMasks.OrAll(new FieldMask(), Allowed));
    }

    [Fact]
    public void An_unknown_path_is_invalid() =>
        Assert.Contains("stage", Assert.Throws<ValidationException>(() => FieldMasks.OrAll(new FieldMask { Paths = { "stage" } }, Allowed)).Message, StringComparison.Ordinal);
}
