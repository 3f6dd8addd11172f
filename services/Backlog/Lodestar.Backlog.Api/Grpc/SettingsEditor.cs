using Lodestar.Api;
using Lodestar.Backlog.Infrastructure;
using System.Text.RegularExpressions;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Errors;
using Lodestar.Persistence;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>A product's backlog settings between the API and the domain.</summary>
public static partial class SettingsEditor
{
    public static readonly string[] Fields =
        ["ranking_framework", "evidence_based_rice", "users_per_customer", "evidence_half_score", "criteria", "maintenance_share"];

    private const string Field = "backlog_settings";

    public static void Apply(BacklogProduct product, V1.BacklogSettings input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "ranking_framework":
                    violations.DefinedEnum($"{Field}.ranking_framework", input.RankingFramework, allowZero: false);
                    product.RankingFramework = (Framework)input.RankingFramework;
                    break;
                case "evidence_based_rice":
                    product.EvidenceBasedRice = input.EvidenceBasedRice;
                    break;
                case "users_per_customer":
                    if (!double.IsFinite(input.UsersPerCustomer) || input.UsersPerCustomer <= 0 || input.UsersPerCustomer > 1_000_000)
                        violations.Add($"{Field}.users_per_customer", $"More than 0 and at most 1,000,000; got {input.UsersPerCustomer}.");
                    product.UsersPerCustomer = input.UsersPerCustomer;
                    break;
                case "evidence_half_score":
                    if (!double.IsFinite(input.EvidenceHalfScore) || input.EvidenceHalfScore <= 0 || input.EvidenceHalfScore > 10_000)
                        violations.Add($"{Field}.evidence_half_score", $"More than 0 and at most 10,000; got {input.EvidenceHalfScore}.");
                    product.EvidenceHalfScore = input.EvidenceHalfScore;
                    break;
                case "criteria":
                    product.Criteria = ReadCriteria(violations, input.Criteria);
                    break;
                case "maintenance_share":
                    if (!RiceInputs.InRange(input.MaintenanceShare, 0, 1))
                        violations.Add($"{Field}.maintenance_share", $"A share from 0 to 1; got {input.MaintenanceShare}.");
                    product.MaintenanceShare = input.MaintenanceShare;
                    break;
            }
        }
        violations.ThrowIfAny();
    }

    private static List<Criterion> ReadCriteria(Violations violations, Google.Protobuf.Collections.RepeatedField<V1.Criterion> criteria)
    {
        var field = $"{Field}.criteria";
        if (criteria.Count > BacklogProduct.MaxCriteria) violations.Add(field, $"At most {BacklogProduct.MaxCriteria} criteria; got {criteria.Count}.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count && i < BacklogProduct.MaxCriteria; i++)
        {
            var criterion = criteria[i];
            if (!KeyPattern().IsMatch(criterion.Key))
                violations.Add($"{field}[{i}].key", "Lower case letters, digits and underscores, starting with a letter, 1–40 characters.");
            else if (!keys.Add(criterion.Key))
                violations.Add($"{field}[{i}].key", $"'{criterion.Key}' is used by another criterion.");
            violations.RequiredText($"{field}[{i}].display_name", criterion.DisplayName, 100);
            violations.OptionalText($"{field}[{i}].description", criterion.Description, 500);
            if (!double.IsFinite(criterion.Weight) || criterion.Weight <= 0 || criterion.Weight > 100)
                violations.Add($"{field}[{i}].weight", $"More than 0 and at most 100; got {criterion.Weight}.");
        }
        return [.. criteria.Select(c => new Criterion(c.Key, c.DisplayName.Trim(), c.Weight, c.Description.Trim()))];
    }

    public static V1.BacklogSettings ToProto(BacklogProduct product) => new()
    {
        Name = ResourceNames.Format(BacklogNames.Products, product.Id) + "/" + BacklogNames.Settings,
        ProductDisplayName = product.DisplayName,
        ProductArchived = product.Archived,
        RankingFramework = (V1.Framework)product.RankingFramework,
        EvidenceBasedRice = product.EvidenceBasedRice,
        UsersPerCustomer = product.UsersPerCustomer,
        EvidenceHalfScore = product.EvidenceHalfScore,
        Criteria = { product.Criteria.Select(c => new V1.Criterion { Key = c.Key, DisplayName = c.DisplayName, Weight = c.Weight, Description = c.Description }) },
        MaintenanceShare = product.MaintenanceShare,
        Metadata = product.ToMetadata(),
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();
}
