using Lodestar.Api;
using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

/// <summary>A CSV upload read as rows with the lines they start on, as both imports (Jira issues, insights) read theirs.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void Rows_carry_the_line_they_start_on_skip_blank_ones_and_read_columns_in_any_case()
    {
        const string csv = "Summary, labels ,Labels\n\"first\nspanning two lines\",a,b\n,,\n  second  ,c\n";
        var violations = new Violations();
        using var table = CsvTable.Open(csv, "csv_content", "issues", violations, (_, _) => Assert.Fail("no bad data"))!;

        Assert.True(table.Require(violations, "summary", "LABELS"));
        var rows = table.Rows(10, violations).ToList();

        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal(["first\nspanning two lines", "second"], rows.Select(r => r.Cell("SUMMARY")));
        Assert.Equal(["a", "b"], rows[0].Cells("Labels"));
        Assert.Equal(["c"], rows[1].Cells("labels")); // a short row has only the columns it reaches
        Assert.Equal("", rows[1].Cell("missing"));
        Assert.False(violations.Any);
    }

    [Fact]
    public void An_empty_file_a_missing_column_and_one_row_too_many_are_violations_on_the_field()
    {
        var empty = new Violations();
        Assert.Null(CsvTable.Open("", "csv_content", "insights", empty, (_, _) => { }));
        Assert.Equal("Empty: expected a header row and insights.", Assert.Single(Of(empty)).Description);

        var violations = new Violations();
        using var table = CsvTable.Open("source\nx\ny\nz\n", "csv_content", "insights", violations, (_, _) => { })!;
        Assert.False(table.Require(violations, "source", "summary"));
        Assert.Equal(2, table.Rows(2, violations).Count());
        Assert.Equal(["Missing column 'summary' in the header row.", "At most 2 insights per import; split the file."],
            Of(violations).Select(v => v.Description));
        Assert.All(Of(violations), v => Assert.Equal("csv_content", v.Field));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_reported_with_its_line()
    {
        var bad = new List<int>();
        var violations = new Violations();
        using var table = CsvTable.Open("a,b\nfine,ok\nbro\"ken,x\n", "csv_content", "rows", violations, (line, _) => bad.Add(line))!;
        _ = table.Rows(10, violations).ToList();
        Assert.Equal([3], bad);
    }

    private static IReadOnlyList<FieldViolation> Of(Violations violations) => Assert.Throws<ValidationException>(violations.ThrowIfAny).Violations;
}
