// Each suite drives a whole host process hard; running them side by side on a small machine would only
// make each slower and harder to read.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
