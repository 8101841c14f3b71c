"""Documents people take away: zone sheets and the position paper, in the page."""
