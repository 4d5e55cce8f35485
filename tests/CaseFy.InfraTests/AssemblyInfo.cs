using CaseFy.InfraTests;

// main.bicep is compiled once and shared by every template test class.
[assembly: AssemblyFixture(typeof(CompiledTemplateFixture))]

// Offline Bicep compile and lint of infra/: the full run only (`bash eng/test.sh`).
[assembly: Trait("Category", "infra")]
