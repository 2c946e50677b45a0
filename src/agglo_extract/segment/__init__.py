"""Layout: decoded, normalised text into plain frozen ``Raw*`` values with spans (no pydantic here)."""
