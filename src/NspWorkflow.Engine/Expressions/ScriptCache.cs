using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace NspWorkflow.Engine.Expressions;

/// <summary>
/// Parsed scripts by source text, shared by all evaluations (a <see cref="Prepared{T}"/> is immutable and not bound
/// to an engine). Syntax errors are cached too, so a broken expression is not re-parsed on every timer tick.
/// Bounded: when full it is cleared, which is cheap because parsing one expression is cheap.
/// </summary>
internal sealed class ScriptCache(ExpressionLimits limits)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    internal sealed record Entry(Prepared<Script>? Script, string? Error);

    /// <summary>How many parses happened; lets tests see the cache at work.</summary>
    public int ParseCount => Volatile.Read(ref parseCount);
    private int parseCount;

    public Entry Get(string source)
    {
        if (entries.TryGetValue(source, out var cached))
        {
            return cached;
        }

        if (entries.Count >= limits.CacheCapacity)
        {
            entries.Clear();
        }

        return entries.GetOrAdd(source, Prepare);
    }

    private Entry Prepare(string source)
    {
        Interlocked.Increment(ref parseCount);
        var shapeError = ExpressionSyntax.CheckShape(source, limits);
        if (shapeError is not null)
        {
            return new Entry(null, shapeError);
        }

        try
        {
            return new Entry(JsEngine.PrepareScript(source, strict: true), null);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return new Entry(null, $"syntax error at column {parse.Column}: {parse.Description}.");
        }
        catch (ParseErrorException parse)
        {
            return new Entry(null, $"syntax error at column {parse.Column}: {parse.Description}.");
        }
        catch (ScriptPreparationException ex)
        {
            return new Entry(null, $"the expression could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is Jint.Runtime.JavaScriptException or InvalidOperationException or ArgumentException)
        {
            return new Entry(null, $"the expression could not be read: {ex.Message}");
        }
    }
}
