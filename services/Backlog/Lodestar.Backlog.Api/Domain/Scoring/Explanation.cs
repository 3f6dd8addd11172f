namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>How a framework scored an item: the formula, its inputs, the numbers worked through, the result.</summary>
public sealed record Explanation(
    Framework Framework,
    string Formula,
    IReadOnlyList<ExplainedInput> Inputs,
    string Calculation,
    double? Result,
    string Category,
    string Missing);
