// Real HTTP against the local host, a real Azurite and the real Durable Task engine: in the fast loop.
[assembly: Trait("Category", "api")]
