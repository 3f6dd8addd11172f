namespace Lodestar.Errors;

/// <summary>The request is invalid; maps to INVALID_ARGUMENT with one BadRequest field violation per field.</summary>
public sealed class ValidationException : LodestarException
{
    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base(Describe(violations))
    {
        if (violations.Count == 0) throw new ArgumentException("At least one violation is required.", nameof(violations));
        Violations = violations;
    }

    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>The first few violations; a request can carry thousands, and the message travels in a header.</summary>
    private static string Describe(IReadOnlyList<FieldViolation> violations)
    {
        const int listed = 10;
        var text = "The request has invalid fields: " + string.Join("; ", violations.Take(listed).Select(v => $"{v.Field}: {v.Description}"));
        return violations.Count > listed ? $"{text}; and {violations.Count - listed:N0} more" : text;
    }
}
