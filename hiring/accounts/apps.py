from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hiring.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
