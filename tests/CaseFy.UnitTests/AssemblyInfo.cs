// The pure model, no I/O: the fast loop's first step (`bash eng/test.sh --fast`).
[assembly: Trait("Category", "unit")]
