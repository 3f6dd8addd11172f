// Each app host test starts a whole platform; two at once on a 2-core machine would time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
