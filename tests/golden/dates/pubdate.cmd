dates --pub-date 2024-10-08 undated.txt
