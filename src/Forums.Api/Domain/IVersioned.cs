namespace Forums.Api.Domain;

/// <summary>An entity with an application-managed concurrency token, raised on every saved change.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
