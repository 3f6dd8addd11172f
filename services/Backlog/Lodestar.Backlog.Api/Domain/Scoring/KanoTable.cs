namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// The standard Kano evaluation table: the functional answer picks the row, the dysfunctional answer the column
/// (like, expect, neutral, tolerate, dislike).
/// </summary>
public static class KanoTable
{
    private const KanoCategory A = KanoCategory.Attractive;
    private const KanoCategory O = KanoCategory.OneDimensional;
    private const KanoCategory M = KanoCategory.MustBe;
    private const KanoCategory I = KanoCategory.Indifferent;
    private const KanoCategory R = KanoCategory.Reverse;
    private const KanoCategory Q = KanoCategory.Questionable;

    private static readonly KanoCategory[,] Table =
    {
        //            like expect neutral tolerate dislike
        /* like */     { Q, A, A, A, O },
        /* expect */   { R, I, I, I, M },
        /* neutral */  { R, I, I, I, M },
        /* tolerate */ { R, I, I, I, M },
        /* dislike */  { R, R, R, R, Q },
    };

    public static KanoCategory Evaluate(KanoAnswer functional, KanoAnswer dysfunctional) =>
        Table[(int)functional - 1, (int)dysfunctional - 1];
}
