namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>MoSCoW categories; numbers match the API's enum.</summary>
public enum MoscowPriority
{
    Must = 1,
    Should = 2,
    Could = 3,
    Wont = 4,
}
