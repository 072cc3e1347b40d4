// Trunk post_build hook (Trunk.toml): the steps that rewrite the staged index.html, one after
// the other (Trunk would run separate hooks at the same time, and one would lose the other's
// edit). Each step fails the build with a message if it cannot do its work.
await import("./one-stylesheet.mjs");
await import("./worker-version.mjs");
