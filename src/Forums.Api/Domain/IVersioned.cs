namespace Forums.Api.Domain;

/// <summary>An entity with an application-managed concurrency token, raised on every saved change by the context alone.</summary>
public interface IVersioned
{
    long Version { get; }
}
