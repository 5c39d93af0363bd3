# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes the `wuyi` executable.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props WuyiWorkflow.sln ./
COPY src/ src/
RUN dotnet publish src/Wuyi.Server/Wuyi.Server.csproj -c Release -o /app --nologo

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
