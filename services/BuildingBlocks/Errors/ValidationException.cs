namespace Lodestar.Errors;

/// <summary>The request is invalid; maps to INVALID_ARGUMENT with one BadRequest field violation per field.</summary>
public sealed class ValidationException : LodestarException
{
    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base("The request has invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
    {
        if (violations.Count == 0) throw new ArgumentException("At least one violation is required.", nameof(violations));
        Violations = violations;
    }

    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    public IReadOnlyList<FieldViolation> Violations { get; }
}
