"""Demo accounts (and, for the interview flow, demo roles and candidates)."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from hiring.access import HIRING_MANAGER, HR, RECRUITER

DEMO_PASSWORD = "demo"
DEMO_USERS = [
    ("hr", "Hana", "Reyes", HR),
    ("recruiter", "Ravi", "Cole", RECRUITER),
    ("recruiter2", "Rosa", "Lind", RECRUITER),
    ("manager", "Maya", "Okafor", HIRING_MANAGER),
]


def create_users() -> dict[str, User]:
    users = {}
    for username, first, last, group in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users
