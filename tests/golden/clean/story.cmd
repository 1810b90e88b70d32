clean story.txt
