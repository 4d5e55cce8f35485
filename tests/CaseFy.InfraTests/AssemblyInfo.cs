using CaseFy.InfraTests;

// main.bicep is compiled once and shared by every template test class.
[assembly: AssemblyFixture(typeof(CompiledTemplateFixture))]
