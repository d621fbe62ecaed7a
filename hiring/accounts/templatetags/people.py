"""{{ user|display_name }}: how a person is named on every page and PDF."""

from django import template

from hiring.accounts import roles
from hiring.accounts.roles import User

register = template.Library()


@register.filter
def display_name(user: User) -> str:
    return roles.display_name(user)
