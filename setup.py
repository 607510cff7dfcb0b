"""Packaging glue: ships the top-level resources/ and i18n/ folders inside the wheel.

They live at the top level (the design card fixes the layout) but are installed as the
packages ``thidua_desktop.resources`` and ``thidua_desktop.i18n`` so that one helper,
``thidua_desktop.paths``, finds them in a checkout, an installed wheel and a frozen build.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["thidua_desktop", "thidua_desktop.*"]),
              "thidua_desktop.resources", "thidua_desktop.i18n"],
    package_dir={"thidua_desktop.resources": "resources", "thidua_desktop.i18n": "i18n"},
    package_data={
        "thidua_desktop.resources": ["**/*"],
        "thidua_desktop.i18n": ["**/*"],
        "thidua_desktop.db.migrations": ["script.py.mako"],
    },
    include_package_data=False,
)
