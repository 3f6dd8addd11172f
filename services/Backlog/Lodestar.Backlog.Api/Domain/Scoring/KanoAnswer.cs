namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>An answer to a Kano question; numbers match the API's enum.</summary>
public enum KanoAnswer
{
    Like = 1,
    Expect = 2,
    Neutral = 3,
    Tolerate = 4,
    Dislike = 5,
}
