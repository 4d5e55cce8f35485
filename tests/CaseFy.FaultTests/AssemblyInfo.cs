// Each suite drives a whole host process hard; running them side by side on a small machine would only
// make each slower and harder to read.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Kill-the-process, storage-restart and load suites: the full run only (`bash eng/test.sh`).
[assembly: Trait("Category", "fault")]
