# syntax=docker/dockerfile:1
# NSP Workflow, production image. Used by docker-compose.yml; build alone with: docker build -t nsp-workflow .

# Node.js for the front-end bundle: `dotnet publish` runs `npm ci` and esbuild (see NspWorkflow.Web.csproj).
FROM node:22-bookworm-slim AS node

# ---- build ----------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && node --version && npm --version
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /src
# global.json is left out on purpose: it pins the developers' SDK (10.0.401); the image's SDK is the build's.
COPY Directory.Build.props Directory.Packages.props NspWorkflow.sln ./
COPY src/ src/
# The definitions imported at first start; the web project copies them to <publish>/workflows.
COPY workflows/ workflows/
RUN dotnet publish src/NspWorkflow.Web/NspWorkflow.Web.csproj -c Release -o /app/publish -p:UseAppHost=false

# ---- runtime --------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Data__Path=/var/lib/nsp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app
# The data folder holds the data-protection keys (sign-in cookies survive restarts) and, without SMTP, mail files.
RUN mkdir -p /var/lib/nsp && chown "$APP_UID" /var/lib/nsp
COPY --from=build /app/publish .
# The non-root user the .NET images provide.
USER $APP_UID
EXPOSE 8080
VOLUME /var/lib/nsp
ENTRYPOINT ["dotnet", "NspWorkflow.Web.dll"]
