using Lodestar.Backlog.Domain.Scoring;
using static Lodestar.Backlog.Domain.Scoring.KanoAnswer;
using static Lodestar.Backlog.Domain.Scoring.KanoCategory;

namespace Backlog.UnitTests;

/// <summary>The standard Kano evaluation table, cell by cell, and the better/worse coefficients.</summary>
public sealed class KanoTests
{
    public static TheoryData<KanoAnswer, KanoAnswer, KanoCategory> Table => new()
    {
        { Like, Like, Questionable }, { Like, Expect, Attractive }, { Like, Neutral, Attractive }, { Like, Tolerate, Attractive }, { Like, Dislike, OneDimensional },
        { Expect, Like, Reverse }, { Expect, Expect, Indifferent }, { Expect, Neutral, Indifferent }, { Expect, Tolerate, Indifferent }, { Expect, Dislike, MustBe },
        { Neutral, Like, Reverse }, { Neutral, Expect, Indifferent }, { Neutral, Neutral, Indifferent }, { Neutral, Tolerate, Indifferent }, { Neutral, Dislike, MustBe },
        { Tolerate, Like, Reverse }, { Tolerate, Expect, Indifferent }, { Tolerate, Neutral, Indifferent }, { Tolerate, Tolerate, Indifferent }, { Tolerate, Dislike, MustBe },
        { Dislike, Like, Reverse }, { Dislike, Expect, Reverse }, { Dislike, Neutral, Reverse }, { Dislike, Tolerate, Reverse }, { Dislike, Dislike, Questionable },
    };

    [Theory, MemberData(nameof(Table))]
    public void Each_answer_pair_maps_to_its_category(KanoAnswer functional, KanoAnswer dysfunctional, KanoCategory category)
    {
        Assert.Equal(category, KanoTable.Evaluate(functional, dysfunctional));
        var answers = new KanoAnswers();
        answers.Add(functional, dysfunctional);
        Assert.Equal(category, answers.Evaluate().Category);
    }

    [Fact]
    public void The_most_frequent_category_wins_with_the_coefficients()
    {
        var answers = new KanoAnswers();
        for (var i = 0; i < 5; i++) answers.Add(Like, Neutral); // A
        for (var i = 0; i < 3; i++) answers.Add(Like, Dislike); // O
        for (var i = 0; i < 2; i++) answers.Add(Neutral, Dislike); // M
        answers.Add(Neutral, Neutral); // I
        answers.Add(Dislike, Like); // R
        var result = answers.Evaluate();
        Assert.Equal((Attractive, 12), (result.Category!.Value, result.ResponseCount));
        // CS+ = (5 + 3) ÷ (5 + 3 + 2 + 1) = 8/11; CS− = −(3 + 2) ÷ 11 = −5/11.
        Assert.Equal(8d / 11, result.Better!.Value, 12);
        Assert.Equal(-5d / 11, result.Worse!.Value, 12);
    }

    [Fact]
    public void Ties_go_to_must_be_then_one_dimensional_then_attractive()
    {
        var answers = new KanoAnswers();
        answers.Add(Like, Neutral); // A
        answers.Add(Like, Dislike); // O
        answers.Add(Expect, Dislike); // M
        Assert.Equal(MustBe, answers.Evaluate().Category);
        var noMustBe = new KanoAnswers();
        noMustBe.Add(Like, Neutral);
        noMustBe.Add(Like, Dislike);
        Assert.Equal(OneDimensional, noMustBe.Evaluate().Category);
    }

    [Fact]
    public void Only_reverse_or_questionable_answers_leave_the_coefficients_unset()
    {
        var answers = new KanoAnswers();
        answers.Add(Like, Like);
        answers.Add(Dislike, Dislike);
        answers.Add(Dislike, Like);
        var result = answers.Evaluate();
        Assert.Equal(Questionable, result.Category);
        Assert.Null(result.Better);
        Assert.Null(result.Worse);
    }
}
