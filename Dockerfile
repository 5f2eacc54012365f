# syntax=docker/dockerfile:1
# Build: docker build -t forum-api .
# Run (SQLite on a volume):   docker run -p 8080:8080 -v forum-data:/data -e Auth__AdminToken="<32+ character secret>" forum-api
# Run (SQL Server):           docker run -p 8080:8080 -e Auth__AdminToken="<secret>" -e Database__Provider=SqlServer \
#                               -e ConnectionStrings__SqlServer="Server=...;Database=Forums;User Id=...;Password=...;Encrypt=true" forum-api
# Behind a reverse proxy, name it, or X-Forwarded-* is ignored and every client shares the proxy's rate limit:
#   -e ForwardedHeaders__KnownNetworks="10.0.0.0/8" -e AllowedHosts="forum.example.org" -e Api__PublicBaseUrl="https://forum.example.org"
# Swagger UI and the OpenAPI document are off in Production unless -e OpenApi__Enabled=true.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Forums.Api/Forums.Api.csproj src/Forums.Api/
RUN dotnet restore src/Forums.Api/Forums.Api.csproj
COPY src/ src/
COPY seeds/ seeds/
RUN dotnet publish src/Forums.Api/Forums.Api.csproj -c Release -o /app --no-restore

# The Debian-based ASP.NET image, not a chiseled one: time zones come from the OS's tzdata, and
# Asia/Almaty is UTC+5 only in tzdata 2024a or later, so tzdata is brought up to date here.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown app:app /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Sqlite \
    Database__DataFolder=/data
VOLUME ["/data"]
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Forums.Api.dll"]
