"""Explainable matching: profiles in, closeness per criterion, scores, reasons and why-nots out."""
