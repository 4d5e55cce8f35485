// Real Chromium driving the portal: the full run only (`bash eng/test.sh`).
[assembly: Trait("Category", "browser")]
