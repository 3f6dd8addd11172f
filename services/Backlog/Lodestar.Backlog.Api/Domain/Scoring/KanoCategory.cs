namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Kano categories; numbers match the API's enum.</summary>
public enum KanoCategory
{
    Attractive = 1,
    OneDimensional = 2,
    MustBe = 3,
    Indifferent = 4,
    Reverse = 5,
    Questionable = 6,
}
