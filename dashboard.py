"""Entry point for ``streamlit run dashboard.py``; the app is factcheck/dashboard/app.py."""

from factcheck.dashboard.app import main

main()
