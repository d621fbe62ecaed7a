"""Anchors belong to a question, not a dimension.

Existing versions (published ones included) are carried over by giving each question a
copy of its dimension's five anchors: the scores already given keep the same level texts.
"""

import django.db.models.deletion
from django.db import migrations, models


def copy_dimension_anchors_to_questions(apps, schema_editor):
    Anchor = apps.get_model("assessments", "Anchor")
    Question = apps.get_model("assessments", "Question")
    by_dimension = {}
    for anchor in Anchor.objects.filter(question__isnull=True).order_by("level"):
        by_dimension.setdefault(anchor.dimension_id, []).append(anchor)
    copies = [
        Anchor(question_id=q.pk, dimension_id=q.dimension_id, level=a.level, behaviour=a.behaviour)
        for q in Question.objects.all().only("pk", "dimension_id")
        for a in by_dimension.get(q.dimension_id, [])
    ]
    Anchor.objects.bulk_create(copies, batch_size=500)
    Anchor.objects.filter(question__isnull=True).delete()


def share_question_anchors_with_dimension(apps, schema_editor):
    """Going back keeps the first question's anchors as the dimension's."""
    Anchor = apps.get_model("assessments", "Anchor")
    Question = apps.get_model("assessments", "Question")
    first = {}
    for q in Question.objects.order_by("dimension_id", "position", "pk"):
        first.setdefault(q.dimension_id, q.pk)
    Anchor.objects.exclude(question_id__in=first.values()).delete()
    for anchor in Anchor.objects.select_related("question"):
        anchor.dimension_id = anchor.question.dimension_id
        anchor.save(update_fields=["dimension"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="anchor", name="unique_anchor_level"),
        migrations.AddField(
            model_name="anchor",
            name="question",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="anchors",
                to="assessments.question",
            ),
        ),
        migrations.AlterField(
            model_name="anchor",
            name="dimension",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="assessments.dimension",
            ),
        ),
        migrations.RunPython(
            copy_dimension_anchors_to_questions, share_question_anchors_with_dimension
        ),
        migrations.RemoveField(model_name="anchor", name="dimension"),
        migrations.AlterField(
            model_name="anchor",
            name="question",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="anchors",
                to="assessments.question",
            ),
        ),
        migrations.AlterModelOptions(name="anchor", options={"ordering": ["question", "level"]}),
        migrations.AddConstraint(
            model_name="anchor",
            constraint=models.UniqueConstraint(
                fields=("question", "level"), name="unique_anchor_level"
            ),
        ),
    ]
