// Real requests through the Functions app's catch-all trigger against Azurite and the real engine: in the fast loop.
[assembly: Trait("Category", "api")]
