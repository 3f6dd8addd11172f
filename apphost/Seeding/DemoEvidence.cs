namespace Lodestar.AppHost.Seeding;

/// <summary>The demo's customer evidence as text: personas, problems and what customers said about each.</summary>
internal static class DemoEvidence
{
    public static readonly (string Name, string Segment, string[] Goals, string[] Pains, string[] Behaviours)[] Personas =
    [
        ("Olivia, operations lead", "Operations lead at a mid-market retailer (20–200 stores)",
            ["Know by Monday 9:00 which stores are behind plan", "Spend time on fixes, not on spreadsheets"],
            ["Builds the weekly report by hand from three exports", "Numbers differ between store and head office"],
            ["Works from a laptop in the back office", "Decides in the Monday stand-up"]),
        ("Arjun, business analyst", "Analyst in a central planning team",
            ["Answer ad-hoc questions the same day", "Keep one definition of every number"],
            ["Every request becomes a new spreadsheet", "Cannot reuse last week's work"],
            ["Lives in SQL and spreadsheets", "Owns the data definitions"]),
        ("Erin, regional director", "Director over 30–60 stores",
            ["See the region at a glance on the phone", "Spot a problem before the stores call"],
            ["Reports arrive as attachments she cannot open on the road", "Too many numbers, no story"],
            ["Reads on the phone between visits", "Forwards what matters to store managers"]),
    ];

    public static readonly (string Title, string When, string Want, string SoThat, int Persona, double Weight, string[] Said)[] Problems =
    [
        ("The weekly report takes an afternoon to build", "preparing the Monday review", "the report to assemble itself from our systems",
            "I spend Friday afternoon on fixes instead of copy-and-paste", 0, 0.30,
            ["Spends four hours every Friday copying exports into the report template.", "Asked whether the weekly report can be scheduled to build itself.",
             "Misses the Monday deadline when the stock export fails.", "Would pay more for a report that is ready before the stand-up."]),
        ("Store and head office numbers disagree", "discussing results with store managers", "one definition of sales and margin everyone uses",
            "we argue about decisions, not about whose number is right", 1, 0.20,
            ["Store managers quote different margin figures than head office.", "Half of every review is spent reconciling numbers.",
             "Wants metric definitions shared across all reports.", "Lost trust in the dashboard after a currency mismatch."]),
        ("Reports cannot be read on a phone", "visiting stores in the region", "to read the key figures on my phone",
            "I can act while I am in the store", 2, 0.15,
            ["Cannot open the PDF report on her phone between store visits.", "Asked for a mobile summary of the three numbers that matter.",
             "Forwards screenshots of the report to store managers.", "Tables are unreadable on a small screen."]),
        ("Nobody notices when a store falls behind", "a store misses its plan mid-week", "to be told before the week is over",
            "we fix it while it still matters", 2, 0.15,
            ["Found out a store was 20 % behind only at month end.", "Wants an alert when a store drops below plan.",
             "Checks the dashboard daily just in case; usually nothing is wrong.", "Asked for a weekly digest of outliers."]),
        ("Sharing a report means exporting it", "sending results to people without an account", "to share a live link",
            "everyone looks at the same, current numbers", 0, 0.12,
            ["Exports to Excel to send the report to the finance team.", "Outdated attachments circulate for weeks.",
             "Wants comments on the report instead of email threads.", "Asked for view-only links for store managers."]),
        ("Setting up a new data source needs IT", "connecting the staffing system", "to connect it myself in minutes",
            "I do not wait weeks for the data team", 1, 0.08,
            ["Waited six weeks for IT to connect the staffing system.", "Connector setup asks for credentials nobody in operations has.",
             "Gave up on importing footfall data.", "Wants a CSV upload as a fallback for any source."]),
    ];

    public static readonly string[] Segments = ["Mid-market", "Enterprise", "SMB"];

    public static readonly string[] RevenueBands = ["<10k ARR", "10-50k ARR", "50-200k ARR", "200k+ ARR"];

    public static readonly string[] Companies =
    [
        "Alder", "Birch", "Cedar", "Dune", "Elm", "Fjord", "Grove", "Heath", "Inlet", "Juniper", "Kestrel", "Larch", "Maple", "Nettle",
        "Oak", "Pine", "Quill", "Rowan", "Sage", "Thistle", "Umber", "Vale", "Willow", "Yarrow", "Zephyr",
    ];

    public static readonly string[] Kinds = ["Goods", "Outfitters", "Market", "Home", "Grocers"];
}
