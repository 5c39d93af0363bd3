# syntax=docker/dockerfile:1
# Console: Node builds the web console (src/Wuyi.Console) with the committed lockfile.
FROM node:20-bookworm-slim AS console
WORKDIR /console
COPY src/Wuyi.Console/package.json src/Wuyi.Console/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Wuyi.Console/ ./
RUN npm run build

# Build: the SDK image restores and publishes the `wuyi` executable, carrying the built console as wwwroot/
# (WuyiConsole=false: the SDK image has no Node; the console stage above built it).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props WuyiWorkflow.sln ./
COPY src/ src/
COPY --from=console /console/dist/ src/Wuyi.Console/dist/
RUN dotnet publish src/Wuyi.Server/Wuyi.Server.csproj -c Release -o /app --nologo -p:WuyiConsole=false \
    && test -f /app/wwwroot/index.html

# Run: the ASP.NET runtime image, as the image's non-root user, serving on 8080.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY workflows/ /app/workflows/
ENV ASPNETCORE_URLS=http://+:8080 \
    Wuyi__DataDirectory=/data \
    Logging__Console__FormatterName=json
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/wuyi.dll"]
CMD ["serve"]
