// Bundles the front-end into wwwroot/dist. Run by `dotnet build` (see NspWorkflow.Web.csproj).
import * as esbuild from "esbuild";

await esbuild.build({
  entryPoints: { app: "Frontend/app.js" },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outdir: "wwwroot/dist",
  logLevel: "warning",
});
