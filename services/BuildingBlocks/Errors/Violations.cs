namespace Lodestar.Errors;

/// <summary>Collects every invalid field of a request, so the caller learns all of them in one INVALID_ARGUMENT.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public int Count => _items.Count;

    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Non-blank text of at most <paramref name="maxLength"/> characters.</summary>
    public Violations RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Required.");
        return OptionalText(field, value, maxLength);
    }

    /// <summary>
    /// Text of at most <paramref name="maxLength"/> characters, counted as <see cref="TextRules.Length"/> counts them; what
    /// characters it may hold every request is checked for before a service sees it (<see cref="TextRules.Problem"/>).
    /// </summary>
    public Violations OptionalText(string field, string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength) return this;
        var length = TextRules.Length(value);
        return length > maxLength ? Add(field, $"At most {maxLength:N0} characters; got {length:N0}.") : this;
    }

    /// <summary>At most <paramref name="maxCount"/> non-blank entries of at most <paramref name="maxLength"/> characters.</summary>
    public Violations TextList(string field, IReadOnlyList<string> values, int maxCount, int maxLength)
    {
        if (values.Count > maxCount) Add(field, $"At most {maxCount} entries; got {values.Count}.");
        for (var i = 0; i < values.Count && i < maxCount; i++) RequiredText($"{field}[{i}]", values[i], maxLength);
        return this;
    }

    /// <summary>A defined value of <typeparamref name="TEnum"/>; <paramref name="allowZero"/> admits the unspecified value.</summary>
    public Violations DefinedEnum<TEnum>(string field, TEnum value, bool allowZero)
        where TEnum : struct, Enum
    {
        var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (number == 0 && allowZero) return this;
        return number == 0 ? Add(field, "Required.")
            : Enum.IsDefined(value) ? this
            : Add(field, $"{number} is not a known value.");
    }

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationException(_items.ToList());
    }
}
