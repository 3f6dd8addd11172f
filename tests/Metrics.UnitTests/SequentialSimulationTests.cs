using Lodestar.Metrics.Domain.Statistics;
using MathNet.Numerics.Distributions;

namespace Metrics.UnitTests;

/// <summary>
/// A/A experiments (no true difference) analysed every day for 30 days, stopping at the first significant look: the
/// naive z-test's false-positive rate climbs far above its nominal 5 %, the always-valid sequential test's does not.
/// </summary>
public sealed class SequentialSimulationTests
{
    private const int Experiments = 1000;
    private const int Days = 30;
    private const int UsersPerArmPerDay = 200;
    private const double Rate = 0.10;
    private const double Alpha = 0.05;

    [Fact]
    public void Daily_peeking_inflates_the_naive_test_but_not_the_sequential_one()
    {
        var random = new Random(20261123);
        var tau = Rate * 0.10; // tuned for a 10 % relative effect
        int naiveRejections = 0, sequentialRejections = 0;
        for (var experiment = 0; experiment < Experiments; experiment++)
        {
            long controlConverted = 0, variantConverted = 0, users = 0;
            bool naive = false, sequential = false;
            for (var day = 0; day < Days; day++)
            {
                users += UsersPerArmPerDay;
                controlConverted += Binomial.Sample(random, Rate, UsersPerArmPerDay);
                variantConverted += Binomial.Sample(random, Rate, UsersPerArmPerDay);
                var control = new Conversions(users, controlConverted);
                var variant = new Conversions(users, variantConverted);
                naive |= ProportionTest.Compare(control, variant).PValue < Alpha;
                sequential |= SequentialTest.Evaluate(control, variant, tau * tau).Significant(Alpha);
            }
            if (naive) naiveRejections++;
            if (sequential) sequentialRejections++;
        }
        var naiveRate = (double)naiveRejections / Experiments;
        var sequentialRate = (double)sequentialRejections / Experiments;

        TestContext.Current.TestOutputHelper?.WriteLine($"A/A, {Days} daily looks: naive {naiveRate:P1}, sequential {sequentialRate:P1}");
        Assert.True(naiveRate > 0.15, $"naive false-positive rate {naiveRate:P1}");
        Assert.True(sequentialRate <= Alpha + 0.015, $"sequential false-positive rate {sequentialRate:P1}");
    }
}
